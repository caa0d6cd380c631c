/// One data set: the actors, blocs and sources of an episode, the actions between the actors,
/// and the aggregate figures the sources state.
///
/// This is what the canonical JSON format holds, and what the CSV readers build. It is a plain
/// value: build it in code, read it from a file, change it, write it back.
public struct DataSet: Hashable, Sendable {
  /// The version of the canonical format this library reads and writes.
  public static let formatVersion = 1

  public var title: String
  public var description: String?
  /// Free-text notes on method: how the data set was compiled and dated.
  public var notes: [String]
  public var actors: [Actor]
  public var blocs: [Bloc]
  public var sources: [Source]
  public var actions: ActionTable
  public var figures: [ReportedFigure]
  /// What an action weighs in the analyses; `nil` for the default: the count where the data
  /// has counts, else one per action (``resolvedWeight``). Not written by the formats: a
  /// choice of the analysis, not part of the data.
  public var weight: ActionWeight?

  public init(
    title: String = "", description: String? = nil, notes: [String] = [], actors: [Actor] = [],
    blocs: [Bloc] = [], sources: [Source] = [], actions: ActionTable = ActionTable(),
    figures: [ReportedFigure] = []
  ) {
    self.title = title
    self.description = description
    self.notes = notes
    self.actors = actors
    self.blocs = blocs
    self.sources = sources
    self.actions = actions
    self.figures = figures
  }

  /// The declared actor with this id (the first, if the data set declares it twice).
  public func actor(_ id: ActorID) -> Actor? { actors.first { $0.id == id } }

  /// The bloc with this id.
  public func bloc(_ id: BlocID) -> Bloc? { blocs.first { $0.id == id } }

  /// The source with this id.
  public func source(_ id: SourceID) -> Source? { sources.first { $0.id == id } }

  /// The actor's display name, or its id when the data set does not declare it.
  public func name(of id: ActorID) -> String { actor(id)?.name ?? id.rawValue }
}
