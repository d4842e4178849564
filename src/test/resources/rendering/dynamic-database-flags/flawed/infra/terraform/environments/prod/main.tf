module "platform" {
  source         = "../../modules/platform"
  database_flags = var.database_flags
}

variable "database_flags" {
  type        = map(string)
  description = "Cloud SQL flags on top of the module's logging defaults."
  default     = {}
}
