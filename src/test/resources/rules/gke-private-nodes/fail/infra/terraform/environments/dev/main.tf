module "gke" {
  source        = "../../modules/gke"
  private_nodes = false
}
