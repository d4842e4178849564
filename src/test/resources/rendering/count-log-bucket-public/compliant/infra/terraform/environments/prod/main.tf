module "platform" {
  source            = "../../modules/platform"
  archive_logs      = true
  archive_isolation = var.archive_isolation
}

variable "archive_isolation" {
  type        = string
  description = "public_access_prevention of the log archive bucket."
  default     = "enforced"
}
