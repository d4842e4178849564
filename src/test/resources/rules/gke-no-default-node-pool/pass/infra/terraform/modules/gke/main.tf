resource "google_container_cluster" "primary" {
  name                     = "alphintra"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.primary.id
}

resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  enable_autopilot = true
}
