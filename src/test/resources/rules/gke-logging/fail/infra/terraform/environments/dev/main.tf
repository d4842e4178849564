module "gke" {
  source = "../../modules/gke"
  logging_service = "none"
}
