module "gke" {
  source = "../../modules/gke"
  legacy_endpoints_disabled = "false"
  metadata_mode             = "GCE_METADATA"
}
