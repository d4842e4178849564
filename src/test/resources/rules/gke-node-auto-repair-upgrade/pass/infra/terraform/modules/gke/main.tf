resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = "alphintra"
  management {
    auto_repair  = true
    auto_upgrade = true
  }
}

# Both default to true.
resource "google_container_node_pool" "batch" {
  name    = "batch"
  cluster = "alphintra"
}
