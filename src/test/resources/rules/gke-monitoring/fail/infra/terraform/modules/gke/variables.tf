variable "monitoring_components" {
  type    = list(string)
  default = ["SYSTEM_COMPONENTS", "APISERVER"]
}
