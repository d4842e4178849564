resource "google_container_cluster" "primary" {
  name = "alphintra"
  private_cluster_config {
    enable_private_nodes = var.private_nodes
  }
}

resource "google_container_cluster" "legacy" {
  name = "legacy"
}
