resource "google_container_cluster" "primary" {
  name = "alphintra"
  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.private_endpoint
  }
}

resource "google_container_cluster" "public" {
  name = "public"
}
