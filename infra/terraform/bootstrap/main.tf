# Run once per project, before any environment: enables the APIs, creates the bucket that holds the
# environments' Terraform state, the keys that must outlive an environment, and the identity that deploys
# it (from CI through Workload Identity Federation). This root's own state stays local (see README.md).
# Nothing here is destroyed by `alphintra cloud destroy`: an environment can be torn down and created
# again while its state, keys and deployer stay.

data "google_project" "current" {
  project_id = var.project_id
}

locals {
  state_bucket_name = coalesce(var.state_bucket_name, "${var.project_id}-tfstate")
  # One deployer for every project: the first project's bootstrap creates it (and its GitHub
  # federation); the others name it in deployer_service_account and only grant it their roles.
  create_deployer = var.deployer_service_account == null
  deployer_email  = local.create_deployer ? google_service_account.deployer[0].email : var.deployer_service_account
  deployer_member = "serviceAccount:${local.deployer_email}"
  gke_agent       = "serviceAccount:service-${data.google_project.current.number}@container-engine-robot.iam.gserviceaccount.com"
  use_github      = local.create_deployer && var.github_repository != null

  # What `alphintra cloud apply` (terraform apply of an environment root) creates, and the narrowest
  # predefined role that lets it. infra/terraform/README.md explains each.
  deployer_project_roles = toset([
    "roles/compute.networkAdmin",              # VPC, subnets, router, NAT, private services range
    "roles/compute.securityAdmin",             # firewall rules
    "roles/dns.admin",                         # the private googleapis.com zone of the VPC
    "roles/servicenetworking.networksAdmin",   # the private services access peering
    "roles/container.admin",                   # the GKE cluster and node pools; `up` applies RBAC and CRDs
    "roles/cloudsql.admin",                    # the Cloud SQL instance, database and user
    "roles/redis.admin",                       # the Memorystore instance
    "roles/pubsub.admin",                      # topics, subscriptions and their IAM
    "roles/secretmanager.admin",               # secrets, versions and per-secret IAM
    "roles/artifactregistry.admin",            # the image repositories; `cloud images` pushes
    "roles/binaryauthorization.policyEditor",  # the project's admission policy
    "roles/logging.configWriter",              # the audit log bucket and sink
    "roles/iam.serviceAccountAdmin",           # node and workload service accounts, Workload Identity bindings
    "roles/iam.serviceAccountUser",            # node pools run as the node service account
    "roles/serviceusage.serviceUsageConsumer", # API calls billed to the project
    "roles/cloudkms.viewer",                   # reads the secrets-encryption key this root created
  ])

  # The only roles the deployer may grant on the project: the node and workload service accounts' and
  # cert-manager's (DNS-01). Its project IAM admin role is conditioned on this list, so it cannot make
  # itself or anyone else an owner or editor.
  deployer_grantable_roles = [
    "roles/artifactregistry.reader",
    "roles/cloudsql.client",
    "roles/cloudsql.instanceUser",
    "roles/cloudtrace.agent",
    "roles/dns.admin",
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/stackdriver.resourceMetadata.writer",
  ]
}

resource "google_project_service" "required" {
  for_each = var.services

  project = var.project_id
  service = each.value
  # Disabling an API on destroy would break whatever else in the project uses it.
  disable_on_destroy         = false
  disable_dependent_services = false
}

resource "google_storage_bucket" "state" {
  project  = var.project_id
  name     = local.state_bucket_name
  location = var.region
  # Never delete a bucket that still holds state.
  force_destroy = false

  # Versioning: every apply keeps the previous state, so a bad write can be rolled back.
  versioning {
    enabled = true
  }

  # IAM only, no object ACLs: access is granted in one place.
  uniform_bucket_level_access = true
  # The state contains secrets (generated passwords, the Redis AUTH string): never public.
  public_access_prevention = "enforced"

  # Bounded history: noncurrent versions beyond the newest state_versions_to_keep are deleted.
  lifecycle_rule {
    condition {
      num_newer_versions = var.state_versions_to_keep
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  # Deleted objects stay recoverable for a week.
  soft_delete_policy {
    retention_duration_seconds = 604800
  }

  labels = {
    managed-by = "terraform"
    purpose    = "terraform-state"
  }

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [google_project_service.required]
}

# --- Keys that outlive an environment -----------------------------------------------------------

# Key rings and keys can never be deleted in Cloud KMS, so they live here, not in the environment root:
# `cloud destroy` then `cloud apply` of an environment reuses them instead of colliding with the old name.
resource "google_kms_key_ring" "platform" {
  project = var.project_id
  name    = var.kms_key_ring_name
  # GKE requires the secrets-encryption key in the cluster's region.
  location = var.region

  depends_on = [google_project_service.required]
}

resource "google_kms_crypto_key" "gke_secrets" {
  name            = var.gke_secrets_key_name
  key_ring        = google_kms_key_ring.platform.id
  purpose         = "ENCRYPT_DECRYPT"
  rotation_period = var.kms_key_rotation_period

  labels = {
    managed-by = "terraform"
    purpose    = "gke-secrets-encryption"
  }

  lifecycle {
    # Destroying the key makes every Secret in etcd (and every etcd backup) unreadable.
    prevent_destroy = true
  }
}

# The GKE service agent encrypts and decrypts Secrets in etcd with the key. Granted here, so the deployer
# needs no KMS IAM rights at all.
resource "google_kms_crypto_key_iam_member" "gke_secrets" {
  crypto_key_id = google_kms_crypto_key.gke_secrets.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = local.gke_agent

  depends_on = [google_project_service.required]
}

# --- The deployer -------------------------------------------------------------------------------

# The identity `alphintra cloud apply` runs as in CI: predefined roles for what the environment creates,
# no Owner, no Editor, no key (CI gets short-lived tokens through Workload Identity Federation).
resource "google_service_account" "deployer" {
  count = local.create_deployer ? 1 : 0

  project      = var.project_id
  account_id   = "alphintra-deployer"
  display_name = "Alphintra deployer"
  description  = "Runs terraform apply of the environment root and deploys the platform; used by CI through Workload Identity Federation."

  depends_on = [google_project_service.required]
}

resource "google_project_iam_member" "deployer" {
  for_each = local.deployer_project_roles

  project = var.project_id
  role    = each.value
  member  = local.deployer_member
}

# Project IAM for the node and workload service accounts and the data-access audit configuration, limited
# by an IAM condition to granting the listed roles only.
resource "google_project_iam_member" "deployer_iam" {
  project = var.project_id
  role    = "roles/resourcemanager.projectIamAdmin"
  member  = local.deployer_member

  condition {
    title       = "grants-platform-roles-only"
    description = "The deployer may grant and revoke only the roles the environment root gives its node and workload service accounts."
    expression  = "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(${jsonencode(local.deployer_grantable_roles)})"
  }
}

# State: read and write the environments' state objects, in this bucket only.
resource "google_storage_bucket_iam_member" "deployer_state" {
  bucket = google_storage_bucket.state.name
  role   = "roles/storage.objectAdmin"
  member = local.deployer_member
}

# --- CI: Workload Identity Federation for GitHub Actions ----------------------------------------

resource "google_iam_workload_identity_pool" "github" {
  count = local.use_github ? 1 : 0

  project                   = var.project_id
  workload_identity_pool_id = "github"
  display_name              = "GitHub Actions"
  description               = "OIDC tokens of GitHub Actions runs of ${var.github_repository}."

  depends_on = [google_project_service.required]
}

resource "google_iam_workload_identity_pool_provider" "github_actions" {
  count = local.use_github ? 1 : 0

  project                            = var.project_id
  workload_identity_pool_id          = google_iam_workload_identity_pool.github[0].workload_identity_pool_id
  workload_identity_pool_provider_id = "github-actions"
  display_name                       = "GitHub Actions OIDC"

  # Only this repository's runs are accepted at all; any other repository's token is refused here,
  # before any IAM binding is looked at.
  attribute_condition = "assertion.repository == \"${var.github_repository}\""
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.repository" = "assertion.repository"
    "attribute.ref"        = "assertion.ref"
    "attribute.actor"      = "assertion.actor"
  }

  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}

# Runs of that repository may act as the deployer (short-lived tokens, no key).
resource "google_service_account_iam_member" "deployer_github" {
  count = local.use_github ? 1 : 0

  service_account_id = google_service_account.deployer[0].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.github[0].name}/attribute.repository/${var.github_repository}"
}
