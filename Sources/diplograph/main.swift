import ArgumentParser
import DiploGraph
import DiploRender

struct Diplograph: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diplograph",
    abstract: "Graphs of diplomatic expulsions: statistics, diagrams and reports."
  )
}

Diplograph.main()
