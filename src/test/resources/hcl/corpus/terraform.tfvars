project_id = "alphintra-dev"
region     = "europe-west3"

state_admins = [
  "group:platform@alphintra.example",
  "serviceAccount:ci@alphintra-dev.iam.gserviceaccount.com",
]

labels = {
  owner = "platform"
  tier  = "dev"
}
