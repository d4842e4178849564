resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = "alphintra"
  management {
    auto_repair  = false
    auto_upgrade = var.auto_upgrade
  }
}

resource "google_container_cluster" "inline" {
  name = "inline"
  node_pool {
    name = "system"
    management {
      auto_repair = false
    }
  }
}
