# Memorystore for Redis over private services access, with AUTH and TLS. The AUTH string goes to
# Secret Manager; outputs never carry it.

locals {
  secret_locations = distinct(concat([var.region], var.secret_replica_locations))
}

resource "google_redis_instance" "cache" {
  project        = var.project_id
  name           = var.instance_name
  region         = var.region
  tier           = var.tier
  memory_size_gb = var.memory_size_gb
  redis_version  = var.redis_version
  redis_configs  = var.redis_configs
  labels         = var.labels

  # Private services access: the instance gets an IP from our allocated range and no public address.
  connect_mode       = "PRIVATE_SERVICE_ACCESS"
  authorized_network = var.network_id
  reserved_ip_range  = var.private_service_access_range_name

  # AUTH on: a client inside the VPC still needs the AUTH string.
  auth_enabled = true
  # In-transit encryption: TLS between clients and Redis (port 6378).
  transit_encryption_mode = "SERVER_AUTHENTICATION"

  maintenance_policy {
    description = "Weekly, outside trading hours."

    weekly_maintenance_window {
      day = var.maintenance_window.day

      start_time {
        hours   = var.maintenance_window.hour
        minutes = 0
        seconds = 0
        nanos   = 0
      }
    }
  }
}

resource "google_secret_manager_secret" "auth_string" {
  project   = var.project_id
  secret_id = "${var.instance_name}-auth-string"
  labels    = var.labels

  replication {
    user_managed {
      dynamic "replicas" {
        for_each = local.secret_locations
        content {
          location = replicas.value
        }
      }
    }
  }
}

resource "google_secret_manager_secret_version" "auth_string" {
  secret      = google_secret_manager_secret.auth_string.id
  secret_data = google_redis_instance.cache.auth_string
}

# Each accessor reads this one secret only.
resource "google_secret_manager_secret_iam_member" "auth_string" {
  for_each = var.auth_secret_accessors

  project   = var.project_id
  secret_id = google_secret_manager_secret.auth_string.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = each.value
}
