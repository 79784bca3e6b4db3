namespace Hotline.Web.Referrals.Hsds;

// The HSDS 3.0 objects and fields the directory uses, named as the specification names them (snake_case on the wire,
// see HsdsJson). Anything else in an imported file is allowed by the schema and ignored here.

/// <summary>A whole directory: the taxonomies its attributes draw from, and one organization per agency.</summary>
public sealed record HsdsDocument(IReadOnlyList<HsdsTaxonomy>? Taxonomies, IReadOnlyList<HsdsOrganization>? Organizations);

public sealed record HsdsTaxonomy(Guid Id, string Name, string Description, string? Uri, string? Version);

public sealed record HsdsOrganization(
    Guid Id, string Name, string Description, IReadOnlyList<HsdsService>? Services, IReadOnlyList<HsdsLocation>? Locations);

public sealed record HsdsService(
    Guid Id, Guid? OrganizationId, string Name, string? Description, string Status,
    IReadOnlyList<HsdsPhone>? Phones, IReadOnlyList<HsdsContact>? Contacts, IReadOnlyList<HsdsSchedule>? Schedules,
    IReadOnlyList<HsdsServiceArea>? ServiceAreas, IReadOnlyList<HsdsLanguage>? Languages,
    IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations, IReadOnlyList<HsdsAttributeEntry>? Attributes);

public sealed record HsdsLocation(Guid Id, Guid? OrganizationId, string LocationType, string? Name, string? Description);

public sealed record HsdsServiceAtLocation(Guid Id, Guid? ServiceId, Guid LocationId, string? Description);

public sealed record HsdsPhone(Guid Id, Guid? ServiceId, Guid? ContactId, string Number, string? Type, string? Description);

public sealed record HsdsContact(Guid Id, Guid? ServiceId, string? Name, string? Title, IReadOnlyList<HsdsPhone>? Phones);

/// <summary>A weekly RFC 5545 recurrence: the days in <see cref="Byday"/> (MO,TU,...), open from <see cref="OpensAt"/>.</summary>
public sealed record HsdsSchedule(
    Guid Id, Guid? ServiceId, string? Freq, string? Wkst, string? Byday, string? OpensAt, string? ClosesAt, string? Description);

public sealed record HsdsServiceArea(Guid Id, Guid? ServiceId, string? Name, string? Description);

public sealed record HsdsLanguage(Guid Id, Guid? ServiceId, string? Name, string? Code);

public sealed record HsdsAttributeEntry(
    Guid Id, Guid? LinkId, Guid TaxonomyTermId, string? LinkType, string? LinkEntity, string? Value, HsdsTaxonomyTerm? TaxonomyTerm);

public sealed record HsdsTaxonomyTerm(Guid Id, string? Code, string Name, string Description, Guid? TaxonomyId);
