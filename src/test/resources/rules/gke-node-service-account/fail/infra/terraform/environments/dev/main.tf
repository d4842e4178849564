module "gke" {
  source = "../../modules/gke"
  node_service_account = "default"
}
