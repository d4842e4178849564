variable "availability_type" {
  type        = string
  description = "REGIONAL or ZONAL."
}

variable "redis_tier" {
  type        = string
  description = "STANDARD_HA or BASIC."
}

variable "deletion_protection" {
  type        = bool
  description = "Deletion protection of the database."
  default     = true
}

resource "google_sql_database_instance" "postgres" {
  name                = "postgres"
  database_version    = "POSTGRES_17"
  deletion_protection = var.deletion_protection

  settings {
    tier              = "db-custom-2-7680"
    availability_type = var.availability_type
  }
}

resource "google_redis_instance" "cache" {
  name           = "cache"
  memory_size_gb = 1
  tier           = var.redis_tier
}

variable "cluster_location" {
  type        = string
  description = "A region (regional cluster) or a zone (zonal cluster)."
  default     = "us-east4"
}

variable "log_retention_days" {
  type        = number
  description = "Days the audit log bucket keeps logs."
  default     = 400
}

resource "google_container_cluster" "primary" {
  name     = "platform"
  location = var.cluster_location
}

resource "google_logging_project_bucket_config" "audit" {
  project        = "shop"
  location       = "us-east4"
  bucket_id      = "audit"
  retention_days = var.log_retention_days
}
