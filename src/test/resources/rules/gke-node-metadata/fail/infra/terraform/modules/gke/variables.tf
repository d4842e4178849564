variable "legacy_endpoints_disabled" {
  type    = string
  default = "true"
}

variable "metadata_mode" {
  type    = string
  default = "GKE_METADATA"
}
