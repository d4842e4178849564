variable "datapath" {
  type    = string
  default = "advanced_datapath"
}
