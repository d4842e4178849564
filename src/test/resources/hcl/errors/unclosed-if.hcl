x = "%{ if var.enabled }on"
