variable "project_id" {
  type        = string
  description = "Project of the cluster."
}

variable "environment" {
  type        = string
  description = "Environment name."
}

variable "identity_project" {
  type        = string
  description = "Project whose workload identity pool the members name."
}

variable "workload_identities" {
  type = map(object({
    kubernetes_namespace       = string
    kubernetes_service_account = string
  }))
  description = "Google service account per service, and the Kubernetes account that acts as it."
}

resource "google_container_cluster" "primary" {
  name     = "shop"
  location = "us-east4"

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
}

resource "google_service_account" "workload" {
  for_each = var.workload_identities

  project    = var.project_id
  account_id = "${each.key}-${var.environment}"
}

resource "google_service_account_iam_member" "workload_identity_user" {
  for_each = var.workload_identities

  service_account_id = google_service_account.workload[each.key].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.identity_project}.svc.id.goog[${each.value.kubernetes_namespace}/${each.value.kubernetes_service_account}]"
}
