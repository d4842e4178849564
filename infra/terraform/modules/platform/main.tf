# The whole platform of one environment: network, cluster, database, cache, messaging, image registry and
# audit logging, wired together. Each environment root calls it once with the values that differ.

locals {
  environment = var.environment
  name        = "alphintra-${local.environment}"

  labels = {
    app         = "alphintra"
    environment = local.environment
  }

  # The six platform services: Kubernetes service account = service name, in namespace alphintra.
  # database: reads the app user's password and may use the Cloud SQL connector.
  # cache: reads the Redis AUTH string.
  services = {
    "api-gateway"       = { database = false, cache = true }
    "auth-service"      = { database = true, cache = true }
    "trading-engine"    = { database = true, cache = true }
    "market-data"       = { database = true, cache = true }
    "portfolio-service" = { database = true, cache = true }
    "risk-service"      = { database = true, cache = true }
  }

  # The platform's event streams and who publishes and consumes them.
  topics = {
    "market-data" = {
      message_retention_duration = "86400s"
      publishers                 = ["market-data"]
      subscriptions = {
        "market-data-trading-engine" = {
          subscriber                 = "trading-engine"
          ack_deadline_seconds       = 10
          message_retention_duration = "3600s"
        }
        "market-data-risk-service" = {
          subscriber                 = "risk-service"
          ack_deadline_seconds       = 10
          message_retention_duration = "3600s"
        }
      }
    }
    "orders" = {
      message_retention_duration = "604800s"
      publishers                 = ["trading-engine"]
      subscriptions = {
        "orders-risk-service" = {
          subscriber              = "risk-service"
          enable_message_ordering = true
        }
      }
    }
    "trades" = {
      message_retention_duration = "604800s"
      publishers                 = ["trading-engine"]
      subscriptions = {
        "trades-portfolio-service" = {
          subscriber                   = "portfolio-service"
          enable_message_ordering      = true
          enable_exactly_once_delivery = true
        }
        "trades-risk-service" = {
          subscriber              = "risk-service"
          enable_message_ordering = true
        }
      }
    }
    "risk-alerts" = {
      message_retention_duration = "604800s"
      publishers                 = ["risk-service"]
      subscriptions = {
        "risk-alerts-trading-engine" = {
          subscriber = "trading-engine"
        }
      }
    }
  }

  database_services = [for service, uses in local.services : service if uses.database]
  cache_services    = [for service, uses in local.services : service if uses.cache]
}

module "vpc" {
  source = "../vpc"

  project_id                  = var.project_id
  region                      = var.region
  network_name                = local.name
  nodes_cidr                  = var.network_plan.nodes_cidr
  pods_cidr                   = var.network_plan.pods_cidr
  services_cidr               = var.network_plan.services_cidr
  load_balancer_cidr          = var.network_plan.load_balancer_cidr
  private_service_access_cidr = var.network_plan.private_service_access_cidr
  gke_master_cidr             = var.network_plan.gke_master_cidr
}

module "gke" {
  source = "../gke"

  project_id             = var.project_id
  environment            = local.environment
  region                 = var.region
  location               = var.gke_location
  node_locations         = var.gke_node_locations
  cluster_name           = local.name
  network_id             = module.vpc.network_id
  subnetwork_self_link   = module.vpc.nodes_subnet_self_link
  pods_range_name        = module.vpc.pods_range_name
  services_range_name    = module.vpc.services_range_name
  master_ipv4_cidr_block = module.vpc.gke_master_cidr
  node_network_tag       = module.vpc.gke_node_tag

  # Private endpoint on unless tfvars opens it; authorized networks never include 0.0.0.0/0.
  enable_private_endpoint             = var.gke_enable_private_endpoint
  master_authorized_networks          = var.gke_master_authorized_networks
  release_channel                     = var.gke_release_channel
  binary_authorization_enforced       = var.binary_authorization_enforced
  binary_authorization_allowed_images = var.binary_authorization_allowed_images
  general_node_pool                   = var.gke_general_node_pool
  analytics_node_pool                 = var.gke_analytics_node_pool
  # Deletion protection on in every environment (true unless tfvars turns it off to tear down).
  deletion_protection = var.deletion_protection
  labels              = local.labels

  workload_identities = {
    for service, uses in local.services : service => {
      kubernetes_namespace       = "alphintra"
      kubernetes_service_account = service
      project_roles              = uses.database ? ["roles/cloudsql.client"] : []
    }
  }
}

module "cloudsql" {
  source = "../cloudsql"

  project_id                        = var.project_id
  region                            = var.region
  instance_name                     = "${local.name}-pg"
  database_version                  = "POSTGRES_17"
  tier                              = var.cloudsql_tier
  availability_type                 = var.cloudsql_availability_type
  disk_size_gb                      = var.cloudsql_disk_size_gb
  retained_backups                  = var.cloudsql_retained_backups
  max_connections                   = var.cloudsql_max_connections
  network_id                        = module.vpc.network_id
  private_service_access_range_name = module.vpc.private_service_access_range_name
  # Deletion protection on in every environment (true unless tfvars turns it off to tear down).
  deletion_protection = var.deletion_protection
  labels              = local.labels

  databases = ["alphintra"]
  users = {
    alphintra_app = {
      secret_accessors = { for service in local.database_services : service => module.gke.workload_identity_members[service] }
    }
  }
}

module "memorystore" {
  source = "../memorystore"

  project_id                        = var.project_id
  region                            = var.region
  instance_name                     = "${local.name}-redis"
  tier                              = var.redis_tier
  memory_size_gb                    = var.redis_memory_size_gb
  redis_version                     = "REDIS_7_2"
  network_id                        = module.vpc.network_id
  private_service_access_range_name = module.vpc.private_service_access_range_name
  auth_secret_accessors             = { for service in local.cache_services : service => module.gke.workload_identity_members[service] }
  labels                            = local.labels
}

module "pubsub" {
  source = "../pubsub"

  project_id              = var.project_id
  region                  = var.region
  topics                  = local.topics
  service_account_members = module.gke.workload_identity_members
  labels                  = local.labels
}

# --- Audit logging (issue #10) -----------------------------------------------------------------
# Data-access audit logs for GKE and Cloud SQL (off by default in Google Cloud), routed with all
# other audit logs into a dedicated log bucket whose retention the firm sets.

resource "google_project_iam_audit_config" "data_access" {
  for_each = toset(["container.googleapis.com", "cloudsql.googleapis.com"])

  project = var.project_id
  service = each.value

  audit_log_config {
    log_type = "ADMIN_READ"
  }
  audit_log_config {
    log_type = "DATA_READ"
  }
  audit_log_config {
    log_type = "DATA_WRITE"
  }
}

resource "google_logging_project_bucket_config" "audit" {
  project        = var.project_id
  location       = var.region
  bucket_id      = "${local.name}-audit"
  description    = "Audit logs of ${local.name}, kept for the retention the firm set (audit_log_retention_days)."
  retention_days = var.audit_log_retention_days
  # Locking makes the retention irreversible (WORM); a compliance decision, off until taken.
  locked = var.audit_log_bucket_locked
}

resource "google_logging_project_sink" "audit" {
  project     = var.project_id
  name        = "${local.name}-audit"
  description = "All Cloud Audit Logs of the project into the audit log bucket."
  destination = "logging.googleapis.com/${google_logging_project_bucket_config.audit.id}"
  filter      = "logName:\"cloudaudit.googleapis.com\""
  # A dedicated writer identity rather than the shared Logging one.
  unique_writer_identity = true
}

# --- Container images -----------------------------------------------------------------------------

# The project's image registry: GKE nodes pull from it (their service account reads Artifact Registry) and
# Binary Authorization admits it. The platform's images are pushed here by CI, and the pinned third-party
# images the manifests use (PgBouncer and its exporter) are mirrored here (see the Kubernetes README).
resource "google_artifact_registry_repository" "images" {
  project       = var.project_id
  location      = var.region
  repository_id = "alphintra"
  format        = "DOCKER"
  description   = "Images of the Alphintra platform and mirrored third-party images, tags immutable."
  labels        = local.labels

  docker_config {
    # A pinned tag always means the same image: what was reviewed is what runs.
    immutable_tags = true
  }
}
