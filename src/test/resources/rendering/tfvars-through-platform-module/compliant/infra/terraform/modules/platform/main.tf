module "cloudsql" {
  source              = "../cloudsql"
  deletion_protection = var.deletion_protection
}

variable "deletion_protection" {
  type        = bool
  description = "Whether the database refuses deletion."
}
