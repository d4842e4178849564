module "network" {
  source = "../../modules/network"

  nodes_cidr                  = "10.10.0.0/20"
  pods_cidr                   = "10.10.8.0/21"
  private_service_access_cidr = "10.10.32.0/20"
  master_cidr                 = "10.10.32.0/28"
}
