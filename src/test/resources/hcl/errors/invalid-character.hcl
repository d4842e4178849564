variable "region" {
  default = "europe-west3"
  type    = string;
}
