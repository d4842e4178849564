module "gke" {
  source = "../../modules/gke"
  monitoring_components = ["APISERVER"]
}
