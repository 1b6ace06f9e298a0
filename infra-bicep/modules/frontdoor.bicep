// Azure Front Door (Standard) in front of the function app, with a WAF policy whose rate-limit
// rules refuse floods at the edge, per client socket address, before they wake an instance.
// The app keeps its own finer limits (per conversation, tracking code, staff key; see
// docs/ARCHITECTURE.md "Abuse limits"); this layer is the coarse, cheap one.

@description('Name of the Front Door profile created in main.bicep (it exists before the app, which admits only it).')
param profileName string

@description('Name of the Front Door endpoint; becomes <name>-<hash>.z01.azurefd.net.')
param endpointName string

@description('Name of the WAF policy: letters and digits only.')
param wafPolicyName string

@description('Tags applied to every resource.')
param tags object

@description('Default host name of the function app (the origin).')
param appHostName string

@description('POST requests one client address may send per minute before the edge refuses it.')
@minValue(10)
param writeLimitPerMinute int

@description('Requests of any kind one client address may send per minute (Web Chat polls about once a second per open chat).')
@minValue(100)
param requestLimitPerMinute int

resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {
  name: profileName
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

// One origin, so no health probes: probes from every edge would keep the scale-to-zero app awake.
resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'functionapp'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: originGroup
  name: 'functionapp'
  properties: {
    hostName: appHostName
    originHostHeader: appHostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enforceCertificateNameCheck: true
    enabledState: 'Enabled'
  }
}

// Nothing is cached: every answer is per caller (orders, tokens, chat transcripts).
resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'all'
  dependsOn: [
    origin // a route needs its origin group to have an origin
  ]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    supportedProtocols: [
      'Https'
    ]
    patternsToMatch: [
      '/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    httpsRedirect: 'Disabled'
    enabledState: 'Enabled'
  }
}

// Front Door needs a match condition on a rate-limit rule; "not in a documentation-only range"
// (192.0.2.0/24, RFC 5737) matches every real client.
var everyClient = {
  matchVariable: 'RemoteAddr'
  operator: 'IPMatch'
  negateCondition: true
  matchValue: [
    '192.0.2.0/24'
  ]
}

resource wafPolicy 'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies@2024-02-01' = {
  name: wafPolicyName
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
  properties: {
    policySettings: {
      enabledState: 'Enabled'
      mode: 'Prevention'
      // The same status, code and title as the app's own refusal.
      customBlockResponseStatusCode: 429
      customBlockResponseBody: base64('{"type":"https://gongjian.dev/problems/rate_limited","title":"请求过于频繁，请稍后再试。","status":429,"code":"rate_limited"}')
    }
    customRules: {
      rules: [
        {
          name: 'WritesPerClient'
          priority: 100
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: writeLimitPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            everyClient
            {
              matchVariable: 'RequestMethod'
              operator: 'Equal'
              negateCondition: false
              matchValue: [
                'POST'
              ]
            }
          ]
          action: 'Block'
        }
        {
          name: 'RequestsPerClient'
          priority: 200
          enabledState: 'Enabled'
          ruleType: 'RateLimitRule'
          rateLimitDurationInMinutes: 1
          rateLimitThreshold: requestLimitPerMinute
          groupBy: [
            {
              variableName: 'SocketAddr'
            }
          ]
          matchConditions: [
            everyClient
          ]
          action: 'Block'
        }
      ]
    }
  }
}

resource securityPolicy 'Microsoft.Cdn/profiles/securityPolicies@2024-02-01' = {
  parent: profile
  name: 'ratelimits'
  properties: {
    parameters: {
      type: 'WebApplicationFirewall'
      wafPolicy: {
        id: wafPolicy.id
      }
      associations: [
        {
          domains: [
            {
              id: endpoint.id
            }
          ]
          patternsToMatch: [
            '/*'
          ]
        }
      ]
    }
  }
}

output hostName string = endpoint.properties.hostName
