module "platform" {
  source   = "../../modules/platform"
  project  = "shop-prod"
  auditing = var.auditing
}

variable "auditing" {
  type        = bool
  description = "Whether data access to GKE and Cloud SQL is audit-logged."
  default     = true
}
