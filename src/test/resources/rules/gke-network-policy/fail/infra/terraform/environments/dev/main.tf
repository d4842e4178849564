module "gke" {
  source = "../../modules/gke"
  datapath = "LEGACY_DATAPATH"
}
