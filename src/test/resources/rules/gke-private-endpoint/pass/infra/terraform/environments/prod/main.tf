module "gke" {
  source = "../../modules/gke"
  private_endpoint = true
}
