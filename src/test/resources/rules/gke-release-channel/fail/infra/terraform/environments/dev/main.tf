module "gke" {
  source = "../../modules/gke"
  release_channel = "UNSPECIFIED"
}
