resource "google_container_cluster" "primary" {
  name = "alphintra"
  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
}
