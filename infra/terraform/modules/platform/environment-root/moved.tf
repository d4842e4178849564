# Where each resource of an environment root was before the platform module (issue 18), so that state
# applied with the old layout moves and nothing is destroyed and re-created. Terraform reads moved blocks
# only in the module that owned the old address, so every root must carry them: each root's moved.tf is a
# symbolic link to this one file. Delete it, and the links, once every environment's state has been
# applied with the new layout.

moved {
  from = google_project_iam_audit_config.data_access
  to   = module.platform.google_project_iam_audit_config.data_access
}

moved {
  from = google_logging_project_bucket_config.audit
  to   = module.platform.google_logging_project_bucket_config.audit
}

moved {
  from = google_logging_project_sink.audit
  to   = module.platform.google_logging_project_sink.audit
}

moved {
  from = google_artifact_registry_repository.images
  to   = module.platform.google_artifact_registry_repository.images
}

moved {
  from = module.vpc
  to   = module.platform.module.vpc
}

moved {
  from = module.gke
  to   = module.platform.module.gke
}

moved {
  from = module.cloudsql
  to   = module.platform.module.cloudsql
}

moved {
  from = module.memorystore
  to   = module.platform.module.memorystore
}

moved {
  from = module.pubsub
  to   = module.platform.module.pubsub
}
