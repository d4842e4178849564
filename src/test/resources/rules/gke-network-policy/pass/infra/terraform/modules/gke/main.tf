resource "google_container_cluster" "primary" {
  name              = "alphintra"
  datapath_provider = "ADVANCED_DATAPATH"
}

resource "google_container_cluster" "calico" {
  name = "calico"
  network_policy {
    enabled  = true
    provider = "CALICO"
  }
  addons_config {
    network_policy_config {
      disabled = false
    }
  }
}

# Not known statically: the rule stays silent.
resource "google_container_cluster" "computed" {
  name              = "computed"
  datapath_provider = upper(var.datapath)
}

resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  enable_autopilot = true
}
