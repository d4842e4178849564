resource "google_container_cluster" "primary" {
  name                     = "alphintra"
  enable_shielded_nodes    = false
  remove_default_node_pool = true
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.primary.id
  node_config {
    shielded_instance_config {
      enable_secure_boot          = var.secure_boot
      enable_integrity_monitoring = false
    }
  }
}

resource "google_container_node_pool" "batch" {
  name    = "batch"
  cluster = google_container_cluster.primary.id
  node_config {
    machine_type = "e2-standard-4"
  }
}

resource "google_container_cluster" "inline" {
  name = "inline"
  node_pool {
    name = "system"
    node_config {
      shielded_instance_config {
        enable_secure_boot = true
      }
    }
  }
}

resource "google_container_cluster" "defaults" {
  name = "defaults"
}
