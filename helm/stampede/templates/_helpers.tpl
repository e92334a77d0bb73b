{{/*
Base name of the release's objects: the release name when it already says "stampede", else "<release>-stampede".
Cut to 52 characters so that suffixes ("-operator") keep names within 63.
*/}}
{{- define "stampede.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 52 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 52 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Name of the operator's Deployment, ServiceAccount, Service and RBAC objects. */}}
{{- define "stampede.operatorName" -}}
{{- printf "%s-operator" (include "stampede.fullname" .) -}}
{{- end -}}

{{/*
Selector labels of the operator pod. component=operator keeps them apart from the pods the operator creates
(component master, worker), which also carry app.kubernetes.io/name=stampede.
*/}}
{{- define "stampede.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end -}}

{{/* Labels of every object of the chart. */}}
{{- define "stampede.labels" -}}
{{ include "stampede.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: stampede
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "stampede.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{/* The operator's default runner image (STAMPEDE_RUNNER_IMAGE). */}}
{{- define "stampede.runnerImage" -}}
{{- printf "%s:%s" .Values.runnerImage.repository (.Values.runnerImage.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{/* The operator's watched namespaces (QUARKUS_OPERATOR_SDK_CONTROLLERS_LOADTEST_NAMESPACES). */}}
{{- define "stampede.watchedNamespaces" -}}
{{- if .Values.watchNamespaces -}}
{{- join "," .Values.watchNamespaces -}}
{{- else -}}
JOSDK_ALL_NAMESPACES
{{- end -}}
{{- end -}}

{{/*
The operator's permissions, exactly what it needs and no more (docs/install.md explains each rule); the same rules
serve the ClusterRole (every namespace) and each namespace's Role.
*/}}
{{- define "stampede.rbacRules" -}}
- apiGroups: ["stampede.io"]
  resources: ["loadtests"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["stampede.io"]
  resources: ["loadtests/status"]
  verbs: ["get", "patch", "update"]
- apiGroups: ["stampede.io"]
  resources: ["loadtests/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["configmaps", "secrets", "services", "pods"]
  verbs: ["get", "list", "watch", "create", "patch", "update", "delete"]
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end -}}
