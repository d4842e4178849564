resource "google_service_account" "nodes" {
  account_id = "gke-nodes"
}

resource "google_container_cluster" "primary" {
  name                     = "alphintra"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.primary.id
  node_config {
    service_account = google_service_account.nodes.email
  }
}

resource "google_container_node_pool" "batch" {
  name    = "batch"
  cluster = google_container_cluster.primary.id
  node_config {
    service_account = "gke-batch@alphintra-prod.iam.gserviceaccount.com"
  }
}
