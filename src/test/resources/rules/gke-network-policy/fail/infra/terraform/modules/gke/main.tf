resource "google_container_cluster" "primary" {
  name              = "alphintra"
  datapath_provider = var.datapath
}

resource "google_container_cluster" "calico_off" {
  name = "calico-off"
  network_policy {
    enabled = false
  }
}

resource "google_container_cluster" "bare" {
  name = "bare"
}
