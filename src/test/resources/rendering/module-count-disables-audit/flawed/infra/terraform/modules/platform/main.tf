module "audit" {
  source  = "../audit"
  count   = var.auditing ? 1 : 0
  project = var.project
}

variable "project" {
  type        = string
  description = "The project."
}

variable "auditing" {
  type        = bool
  description = "Whether data access is audit-logged."
}
