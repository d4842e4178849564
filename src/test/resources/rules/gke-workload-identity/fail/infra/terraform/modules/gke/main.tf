resource "google_container_cluster" "primary" {
  name = "alphintra"
}

resource "google_container_cluster" "empty_pool" {
  name = "empty"
  workload_identity_config {
    workload_pool = ""
  }
}
