-- Argo CD health check for stampede.io/LoadTest (resource.customizations.health.stampede.io_LoadTest in argocd-cm).
-- Argo CD sets `obj` (the LoadTest) and reads the returned table: status and message.
--   Succeeded                       -> Healthy      the run completed and every threshold held
--   Pending, Provisioning, Running  -> Progressing  also: no status yet, or a status from an older generation
--   Failed, Error                   -> Degraded     a threshold was breached, or the test could not run
--   Aborted                         -> Degraded     stopped by a user: the test did not pass (see docs/gitops.md)
--   anything else                   -> Unknown
local hs = {}
local healthByPhase = {
  Succeeded = "Healthy",
  Pending = "Progressing",
  Provisioning = "Progressing",
  Running = "Progressing",
  Failed = "Degraded",
  Error = "Degraded",
  Aborted = "Degraded",
}

local status = obj.status
if status == nil or status.phase == nil or status.phase == "" then
  hs.status = "Progressing"
  hs.message = "Waiting for the Stampede operator to pick up the LoadTest"
  return hs
end

local generation = obj.metadata and obj.metadata.generation
if generation ~= nil and status.observedGeneration ~= nil and status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the Stampede operator to see generation " .. tostring(generation)
    .. " (status is of generation " .. tostring(status.observedGeneration) .. ")"
  return hs
end

hs.status = healthByPhase[status.phase] or "Unknown"
if status.message ~= nil and status.message ~= "" then
  hs.message = status.phase .. ": " .. status.message
else
  hs.message = status.phase
end
return hs
