# Cloud SQL for PostgreSQL, private IP only, TLS required, with backups, PITR and flags tuned for an
# order-and-trade workload. The password of each user is generated here and stored only in Secret
# Manager. TimescaleDB is not available on Cloud SQL: see README.md for what we use instead.

locals {
  cpus      = tonumber(split("-", var.tier)[2])
  memory_mb = tonumber(split("-", var.tier)[3])

  # A quarter of RAM for sorts and hashes, spread over every possible connection; at least 4 MB.
  work_mem_kb = max(4096, floor(local.memory_mb * 1024 / 4 / var.max_connections))
  # VACUUM and CREATE INDEX get a sixteenth of RAM, at most 2 GB.
  maintenance_work_mem_kb = min(2097152, floor(local.memory_mb * 1024 / 16))
  # Planner hint only: 60% of RAM, in 8 kB pages (Cloud SQL accepts 10-70% of instance memory).
  effective_cache_size_pages = floor(local.memory_mb * 1024 * 0.6 / 8)
  # Fewer, larger checkpoints under bursts of order flow: a quarter of RAM, 2-16 GB.
  max_wal_size_mb        = max(2048, min(16384, floor(local.memory_mb / 4)))
  autovacuum_max_workers = max(3, min(8, floor(local.cpus / 2)))

  cron_database = contains(var.databases, "alphintra") ? "alphintra" : sort(var.databases)[0]

  # Size-dependent and performance flags; the logging and audit flags are literal blocks below.
  tuned_flags = merge({
    "max_connections"                     = tostring(var.max_connections)
    "work_mem"                            = tostring(local.work_mem_kb)
    "maintenance_work_mem"                = tostring(local.maintenance_work_mem_kb)
    "effective_cache_size"                = tostring(local.effective_cache_size_pages)
    "random_page_cost"                    = "1.1"
    "checkpoint_timeout"                  = "900"
    "checkpoint_completion_target"        = "0.9"
    "max_wal_size"                        = tostring(local.max_wal_size_mb)
    "autovacuum_max_workers"              = tostring(local.autovacuum_max_workers)
    "autovacuum_naptime"                  = "30"
    "autovacuum_vacuum_scale_factor"      = "0.05"
    "autovacuum_analyze_scale_factor"     = "0.02"
    "autovacuum_vacuum_cost_limit"        = "2000"
    "idle_in_transaction_session_timeout" = "60000"
    "track_io_timing"                     = "on"
    "track_activity_query_size"           = "4096"
    "pg_stat_statements.track"            = "all"
    "cloudsql.enable_pg_cron"             = "on"
    "cron.database_name"                  = local.cron_database
    "cloudsql.iam_authentication"         = "on"
  }, var.database_flags)

  secret_locations = distinct(concat([var.region], var.secret_replica_locations))

  user_secret_accessors = {
    for pair in flatten([
      for user, settings in var.users : [
        for label, member in settings.secret_accessors : { user = user, label = label, member = member }
      ]
    ]) : "${pair.user}/${pair.label}" => pair
  }
}

# Cloud SQL keeps a deleted instance's name for about a week: a random suffix, fixed for the instance's
# life, lets an environment be destroyed and created again at once (secrets keep the stable prefix).
resource "random_id" "instance_suffix" {
  byte_length = 2
}

resource "google_sql_database_instance" "postgres" {
  project          = var.project_id
  name             = "${var.instance_name}-${random_id.instance_suffix.hex}"
  region           = var.region
  database_version = var.database_version
  # Refuse `terraform destroy` on the instance.
  deletion_protection = var.deletion_protection

  settings {
    # Enterprise edition: custom tiers; PostgreSQL 16+ would otherwise default to Enterprise Plus.
    edition           = "ENTERPRISE"
    tier              = var.tier
    availability_type = var.availability_type
    pricing_plan      = "PER_USE"
    disk_type         = "PD_SSD"
    disk_size         = var.disk_size_gb
    disk_autoresize   = true
    # Bounded auto-resize: storage grows with the data, up to a limit someone chose.
    disk_autoresize_limit = var.disk_autoresize_limit_gb
    # API-level deletion protection as well: the console and gcloud refuse too.
    deletion_protection_enabled = var.deletion_protection
    # Backups outlive an accidental instance deletion.
    retain_backups_on_delete = true
    user_labels              = var.labels

    ip_configuration {
      # No public IPv4: reachable only over private services access from our VPC.
      ipv4_enabled       = false
      private_network    = var.network_id
      allocated_ip_range = var.private_service_access_range_name
      # TLS required on every connection (PgBouncer and clients verify the server CA).
      ssl_mode = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      # Daily backups plus write-ahead log for point-in-time recovery.
      enabled                        = true
      point_in_time_recovery_enabled = true
      start_time                     = var.backup_start_time
      location                       = var.region
      transaction_log_retention_days = var.transaction_log_retention_days

      backup_retention_settings {
        retained_backups = var.retained_backups
        retention_unit   = "COUNT"
      }
    }

    maintenance_window {
      day          = var.maintenance_window.day
      hour         = var.maintenance_window.hour
      update_track = "stable"
    }

    insights_config {
      query_insights_enabled  = true
      query_string_length     = 4096
      query_plans_per_minute  = 5
      record_application_tags = true
      record_client_address   = true
    }

    password_validation_policy {
      enable_password_policy      = true
      min_length                  = 16
      complexity                  = "COMPLEXITY_DEFAULT"
      disallow_username_substring = true
    }

    # Connection and lock logging: who connected, when, and who waited on whom.
    database_flags {
      name  = "log_connections"
      value = "on"
    }
    database_flags {
      name  = "log_disconnections"
      value = "on"
    }
    database_flags {
      name  = "log_lock_waits"
      value = "on"
    }
    database_flags {
      name  = "log_checkpoints"
      value = "on"
    }
    # Every temporary file is logged: a sign work_mem is too small for a query.
    database_flags {
      name  = "log_temp_files"
      value = "0"
    }
    database_flags {
      name  = "log_min_duration_statement"
      value = tostring(var.log_min_duration_statement_ms)
    }
    database_flags {
      name  = "log_min_error_statement"
      value = "error"
    }
    database_flags {
      name  = "log_autovacuum_min_duration"
      value = "1000"
    }
    # pgAudit: schema and role changes are audit-logged.
    database_flags {
      name  = "cloudsql.enable_pgaudit"
      value = "on"
    }
    database_flags {
      name  = "pgaudit.log"
      value = "ddl,role"
    }

    dynamic "database_flags" {
      for_each = local.tuned_flags
      content {
        name  = database_flags.key
        value = database_flags.value
      }
    }
  }

  lifecycle {
    precondition {
      condition     = local.work_mem_kb * var.max_connections <= local.memory_mb * 1024
      error_message = "max_connections x work_mem exceeds the tier's memory; choose a larger tier or fewer connections."
    }
  }
}

resource "google_sql_database" "platform" {
  for_each = var.databases

  project  = var.project_id
  instance = google_sql_database_instance.postgres.name
  name     = each.value
  # Dropping a database from Terraform would drop its data; leave it to a person.
  deletion_policy = "ABANDON"
}

resource "random_password" "users" {
  for_each = var.users

  length           = 32
  special          = true
  override_special = "-_.~+=^"
  min_lower        = 1
  min_upper        = 1
  min_numeric      = 1
  min_special      = 1
}

resource "google_sql_user" "platform" {
  for_each = var.users

  project  = var.project_id
  instance = google_sql_database_instance.postgres.name
  name     = each.key
  type     = "BUILT_IN"
  password = random_password.users[each.key].result
  # A user that owns objects cannot be dropped; Terraform forgets it instead.
  deletion_policy = "ABANDON"
}

# The password lives in Secret Manager only: never in an output, a tfvars file or a ConfigMap.
resource "google_secret_manager_secret" "user_password" {
  for_each = var.users

  project   = var.project_id
  secret_id = "${var.instance_name}-${replace(each.key, "_", "-")}-password"
  labels    = var.labels
  # Keep the secret while the database that needs it is protected.
  deletion_protection = var.deletion_protection

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

resource "google_secret_manager_secret_version" "user_password" {
  for_each = var.users

  secret      = google_secret_manager_secret.user_password[each.key].id
  secret_data = random_password.users[each.key].result
}

# Each accessor reads only the one secret it is listed for.
resource "google_secret_manager_secret_iam_member" "user_password" {
  for_each = local.user_secret_accessors

  project   = var.project_id
  secret_id = google_secret_manager_secret.user_password[each.value.user].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = each.value.member
}

# The server's CA certificate, so PgBouncer verifies the server (verify-ca) instead of trusting any
# certificate. Public, not secret; kept in Secret Manager because that is where the cluster's values come
# from (External Secrets), and updated by the next apply when Cloud SQL rotates its CA.
resource "google_secret_manager_secret" "server_ca" {
  project   = var.project_id
  secret_id = "${var.instance_name}-server-ca"
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

resource "google_secret_manager_secret_version" "server_ca" {
  secret      = google_secret_manager_secret.server_ca.id
  secret_data = google_sql_database_instance.postgres.server_ca_cert[0].cert
}

resource "google_secret_manager_secret_iam_member" "server_ca" {
  for_each = var.server_ca_secret_accessors

  project   = var.project_id
  secret_id = google_secret_manager_secret.server_ca.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = each.value
}
