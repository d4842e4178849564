variable "project_id" {
  type        = string
  description = "ID of the Google Cloud project that owns the network."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a Google Cloud project ID: 6-30 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "Region of the subnets, the Cloud Router and Cloud NAT, for example \"us-east4\"."

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]+$", var.region))
    error_message = "region must be a Google Cloud region such as \"us-east4\" (a zone such as \"us-east4-a\" is not a region)."
  }
}

variable "network_name" {
  type        = string
  description = "Name of the VPC network; subnets, router, NAT and firewall rules are named after it."

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,40}[a-z0-9])?$", var.network_name))
    error_message = "network_name must be 1-42 lowercase letters, digits or hyphens, start with a letter and not end with a hyphen (resource names derived from it must stay within 63 characters)."
  }
}

variable "nodes_cidr" {
  type        = string
  description = "Primary range of the private subnet for GKE nodes (RFC 1918, /16 to /24). One address per node."

  validation {
    condition     = can(cidrhost(var.nodes_cidr, 0)) && can(regex("^(10\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|192\\.168\\.)", var.nodes_cidr)) && try(cidrsubnet(var.nodes_cidr, 0, 0) == var.nodes_cidr, false) && try(tonumber(split("/", var.nodes_cidr)[1]) >= 16 && tonumber(split("/", var.nodes_cidr)[1]) <= 24, false)
    error_message = "nodes_cidr must be an RFC 1918 network address in CIDR notation with a prefix length from /16 to /24, for example \"10.10.0.0/20\"."
  }
}

variable "pods_cidr" {
  type        = string
  description = "Secondary range of the nodes subnet for Pod IPs (RFC 1918, /14 to /21). GKE gives each node a /24 at 110 Pods per node, so a /17 holds 128 nodes."

  validation {
    condition     = can(cidrhost(var.pods_cidr, 0)) && can(regex("^(10\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|192\\.168\\.)", var.pods_cidr)) && try(cidrsubnet(var.pods_cidr, 0, 0) == var.pods_cidr, false) && try(tonumber(split("/", var.pods_cidr)[1]) >= 14 && tonumber(split("/", var.pods_cidr)[1]) <= 21, false)
    error_message = "pods_cidr must be an RFC 1918 network address in CIDR notation with a prefix length from /14 to /21, for example \"10.11.0.0/17\"."
  }
}

variable "services_cidr" {
  type        = string
  description = "Secondary range of the nodes subnet for Kubernetes Service ClusterIPs (RFC 1918, /16 to /24)."

  validation {
    condition     = can(cidrhost(var.services_cidr, 0)) && can(regex("^(10\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|192\\.168\\.)", var.services_cidr)) && try(cidrsubnet(var.services_cidr, 0, 0) == var.services_cidr, false) && try(tonumber(split("/", var.services_cidr)[1]) >= 16 && tonumber(split("/", var.services_cidr)[1]) <= 24, false)
    error_message = "services_cidr must be an RFC 1918 network address in CIDR notation with a prefix length from /16 to /24, for example \"10.11.128.0/20\"."
  }
}

variable "load_balancer_cidr" {
  type        = string
  description = "Range of the load-balancer subnet, where internal load balancers (for example the Istio ingress gateway's internal Service) take their frontend IPs (RFC 1918, /20 to /28)."

  validation {
    condition     = can(cidrhost(var.load_balancer_cidr, 0)) && can(regex("^(10\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|192\\.168\\.)", var.load_balancer_cidr)) && try(cidrsubnet(var.load_balancer_cidr, 0, 0) == var.load_balancer_cidr, false) && try(tonumber(split("/", var.load_balancer_cidr)[1]) >= 20 && tonumber(split("/", var.load_balancer_cidr)[1]) <= 28, false)
    error_message = "load_balancer_cidr must be an RFC 1918 network address in CIDR notation with a prefix length from /20 to /28, for example \"10.10.16.0/24\"."
  }
}

variable "private_service_access_cidr" {
  type        = string
  description = "The \"database subnet\": the range allocated to private services access, peered to Google's producer network, where Cloud SQL and Memorystore take their private IPs (RFC 1918, /16 to /24; Google asks for at least a /24)."

  validation {
    condition     = can(cidrhost(var.private_service_access_cidr, 0)) && can(regex("^(10\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|192\\.168\\.)", var.private_service_access_cidr)) && try(cidrsubnet(var.private_service_access_cidr, 0, 0) == var.private_service_access_cidr, false) && try(tonumber(split("/", var.private_service_access_cidr)[1]) >= 16 && tonumber(split("/", var.private_service_access_cidr)[1]) <= 24, false)
    error_message = "private_service_access_cidr must be an RFC 1918 network address in CIDR notation with a prefix length from /16 to /24, for example \"10.10.32.0/20\"."
  }
}

variable "gke_master_cidr" {
  type        = string
  description = "The /28 the GKE control plane of a private cluster uses. Declared here so the firewall rule for control-plane webhooks and the cluster agree on it."

  validation {
    condition     = can(cidrhost(var.gke_master_cidr, 0)) && can(regex("^(10\\.|172\\.(1[6-9]|2[0-9]|3[01])\\.|192\\.168\\.)", var.gke_master_cidr)) && try(cidrsubnet(var.gke_master_cidr, 0, 0) == var.gke_master_cidr, false) && endswith(var.gke_master_cidr, "/28")
    error_message = "gke_master_cidr must be an RFC 1918 network address with prefix length /28, for example \"10.10.48.0/28\"."
  }
}

variable "gke_node_tag" {
  type        = string
  description = "Network tag the GKE node pools carry; the control-plane webhook rule targets it."
  default     = "gke-node"

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.gke_node_tag))
    error_message = "gke_node_tag must be a valid network tag: 1-63 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "gke_webhook_ports" {
  type        = list(string)
  description = "TCP ports the GKE control plane may open on nodes for admission webhooks, beyond the 443 and 10250 GKE opens itself: 8443 and 9443 (common webhook servers) and 15017 (Istio's sidecar injector and validation webhook)."
  default     = ["8443", "9443", "15017"]

  validation {
    condition     = length(var.gke_webhook_ports) > 0 && alltrue([for p in var.gke_webhook_ports : can(regex("^[0-9]{1,5}$", p)) && tonumber(p) >= 1 && tonumber(p) <= 65535])
    error_message = "gke_webhook_ports must be a non-empty list of single TCP ports (1-65535) written as strings; ranges are deliberately not accepted."
  }
}

variable "iap_ssh_tag" {
  type        = string
  description = "Network tag of the instances that accept SSH, and then only from Identity-Aware Proxy's TCP forwarding range. Nodes do not carry it by default."
  default     = "allow-iap-ssh"

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.iap_ssh_tag))
    error_message = "iap_ssh_tag must be a valid network tag: 1-63 lowercase letters, digits or hyphens, starting with a letter."
  }
}

variable "flow_log_sampling" {
  type        = number
  description = "Share of packets sampled into VPC flow logs on every subnet, from 0.1 to 1.0. Half is the usual balance of forensic value and log cost."
  default     = 0.5

  validation {
    condition     = var.flow_log_sampling >= 0.1 && var.flow_log_sampling <= 1
    error_message = "flow_log_sampling must be between 0.1 and 1.0; lower values leave too little for an investigation."
  }
}

variable "nat_min_ports_per_vm" {
  type        = number
  description = "Minimum NAT source ports per node for Cloud NAT's dynamic port allocation (a power of two from 32 to 65536)."
  default     = 64

  validation {
    condition     = contains([32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536], var.nat_min_ports_per_vm)
    error_message = "nat_min_ports_per_vm must be a power of two from 32 to 65536."
  }
}
