module "gke" {
  source = "../../modules/gke"

  project_id  = "alphintra-dev"
  environment = "dev"
  workload_identities = {
    for service in ["api-gateway", "market-data", "risk-service", "trading-engine"] : service => {
      kubernetes_namespace       = "alphintra"
      kubernetes_service_account = service
    }
  }
}
