variable "datapath" {
  type    = string
  default = "ADVANCED_DATAPATH"
}
