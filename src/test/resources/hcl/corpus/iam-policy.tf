resource "google_storage_bucket" "state" {
  name                        = "${var.project_id}-tfstate"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      num_newer_versions = 10
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_storage_bucket_iam_policy" "state" {
  bucket      = google_storage_bucket.state.name
  policy_data = <<-POLICY
    {
      "bindings": [
        {
          "role": "roles/storage.objectAdmin",
          "members": [
            %{~ for i, m in var.state_admins ~}
            "${m}"%{ if i < length(var.state_admins) - 1 },%{ endif }
            %{~ endfor ~}
          ]
        }
      ]
    }
  POLICY
}

resource "google_project_iam_custom_role" "reader" {
  role_id     = "alphintraReader"
  title       = "Alphintra reader"
  project     = var.project_id
  permissions = split("\n", trimspace(<<EOT
container.clusters.get
container.clusters.list
EOT
  ))
}

resource "google_compute_instance" "bastion" {
  count        = var.bastion_enabled ? 1 : 0
  name         = "bastion"
  machine_type = "e2-micro"
  zone         = "${var.region}-b"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = var.subnetwork
  }

  metadata_startup_script = templatefile("${path.module}/startup.sh.tftpl", {
    ports   = [22, 443]
    message = "Managed by Terraform; changes will be overwritten."
  })

  metadata = {
    enable-oslogin = "TRUE"
  }
}

output "bastion_ips" {
  description = "Internal IP of the bastion, empty when disabled (attribute-only splat, legacy index)."
  value       = google_compute_instance.bastion.*.network_interface.0.network_ip
}
