module "gke" {
  source = "../../modules/gke"
  legacy_abac = true
}
