# Secrets the platform generates rather than receives from a Google service (the JWT signing key, the
# Grafana admin password). Terraform creates each secret and its IAM; the value is generated on the machine
# that runs `terraform apply` and piped straight into Secret Manager, so it never appears in Terraform's
# plan, state or output. (Terraform's random provider cannot make an RSA key, and write-only attributes
# need Terraform 1.11 while the platform supports 1.6.)

locals {
  secret_locations = distinct(concat([var.region], var.replica_locations))

  # Each generator prints one value on stdout and nothing else.
  generators = {
    # PKCS#8 PEM, as the local environment's rsa-private-key generator writes it.
    "rsa-private-key-3072" = "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 2>/dev/null"
    # 128 random bits as 32 hex digits: safe in any config file, URL or shell.
    "random-hex-32" = "openssl rand -hex 16 | tr -d '\\n'"
  }

  accessors = {
    for pair in flatten([
      for name, secret in var.secrets : [
        for label, member in secret.accessors : { secret = name, label = label, member = member }
      ]
    ]) : "${pair.secret}/${pair.label}" => pair
  }
}

resource "google_secret_manager_secret" "generated" {
  for_each = var.secrets

  project   = var.project_id
  secret_id = "${var.name_prefix}-${each.key}"
  labels    = merge(var.labels, { generator = each.value.generator })

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

# The first version, once per secret (again only if the secret is replaced). A failed run taints this
# resource, so the next apply tries again; rotating means adding a version (see README.md).
resource "terraform_data" "first_version" {
  for_each = var.secrets

  triggers_replace = [google_secret_manager_secret.generated[each.key].id]

  provisioner "local-exec" {
    interpreter = ["bash", "-c"]
    # The token is the application-default credentials' (the identity Terraform itself runs as), kept in
    # an owner-only temporary file for the one gcloud call.
    command = <<-EOT
      set -euo pipefail
      umask 077
      token_file="$(mktemp)"
      trap 'rm -f "$token_file"' EXIT
      gcloud auth application-default print-access-token > "$token_file"
      ${local.generators[each.value.generator]} \
        | gcloud secrets versions add "$SECRET_ID" --project="$PROJECT_ID" --data-file=- \
            --access-token-file="$token_file" --quiet
    EOT
    environment = {
      SECRET_ID  = google_secret_manager_secret.generated[each.key].secret_id
      PROJECT_ID = var.project_id
    }
  }
}

# Each accessor reads only the secrets it is listed for.
resource "google_secret_manager_secret_iam_member" "accessor" {
  for_each = local.accessors

  project   = var.project_id
  secret_id = google_secret_manager_secret.generated[each.value.secret].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = each.value.member
}
