variable "node_service_account" {
  type    = string
  default = "gke-nodes@alphintra-dev.iam.gserviceaccount.com"
}

variable "project_number" {
  type = string
}
