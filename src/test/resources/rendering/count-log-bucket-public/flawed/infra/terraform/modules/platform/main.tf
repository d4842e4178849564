module "logs" {
  source     = "../logs"
  count      = var.archive_logs ? 1 : 0
  prevention = var.archive_isolation
}

variable "archive_logs" {
  type        = bool
  description = "Whether warnings are archived to a bucket."
}

variable "archive_isolation" {
  type        = string
  description = "public_access_prevention of the archive bucket."
}
