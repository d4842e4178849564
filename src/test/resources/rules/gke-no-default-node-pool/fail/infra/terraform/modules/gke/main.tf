resource "google_container_cluster" "primary" {
  name                     = "alphintra"
  remove_default_node_pool = var.remove_default_pool
  initial_node_count       = 1
}

resource "google_container_cluster" "kept" {
  name = "kept"
}

resource "google_container_cluster" "inline" {
  name = "inline"
  node_pool {
    name = "system"
  }
  node_pool {
    node_count = 1
  }
}
